/** Python for the exported script — src/core/similarity.ts and metrics.ts: positive top-1, uniformity, kNN. */
export const pyMetrics = String.raw`
# ------------------------------------------------------------ metrics (src/core/metrics.ts)

def positive_top1(z):
    n2 = z.shape[0]
    zn = l2_normalize(z)
    similarity = zn @ zn.T
    similarity.fill_diagonal_(-float("inf"))
    positive = (torch.arange(n2, device=z.device) + n2 // 2) % n2
    return (similarity.argmax(1) == positive).float().mean().item()


def uniformity(z, t=2):
    zn = l2_normalize(z)
    d2 = torch.cdist(zn.double(), zn.double()).square()
    rows = z.shape[0]
    upper = torch.triu_indices(rows, rows, 1)
    return torch.logsumexp(-t * d2[upper[0], upper[1]], 0).item() - math.log(upper.shape[1])


def knn_accuracy(bank, bank_labels, queries, query_labels, k=5):
    """Cosine kNN, majority of the k nearest, ties → the nearest (metrics.ts knnAccuracy)."""
    similarity = l2_normalize(queries) @ l2_normalize(bank).T
    top = similarity.topk(k, 1).indices.cpu().numpy()
    correct = 0
    for i, row in enumerate(top):
        labels = [int(bank_labels[j]) for j in row]
        best, best_votes = labels[0], 0
        for label in labels:
            votes = labels.count(label)
            if votes > best_votes:
                best, best_votes = label, votes
        correct += best == int(query_labels[i])
    return correct / len(query_labels)
`;
