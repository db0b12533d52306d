/** Python for the exported script — src/core/losses.ts: NT-Xent, InfoNCE, negative cosine, and each method's loss. */
export const pyLosses = String.raw`
# ------------------------------------------------------------ losses (src/core/losses.ts)

def l2_normalize(x):
    return x / (x.square().sum(1, keepdim=True) + 1e-12).sqrt()


def nt_xent(z1, z2, temperature):
    """SimCLR eq. 1, mean over all 2N anchors."""
    n = z1.shape[0]
    a, b = l2_normalize(z1), l2_normalize(z2)
    views = torch.cat([a, b])
    logits = views @ views.T / temperature
    logits = logits - torch.eye(2 * n, device=z1.device) * 1e9
    positive = (a * b).sum(1) / temperature
    return (torch.logsumexp(logits, 1) - torch.cat([positive, positive])).mean()


def positive_only(z1, z2, temperature):
    return -((l2_normalize(z1) * l2_normalize(z2)).sum(1) / temperature).mean()


def info_nce(query, key, queue, temperature):
    """MoCo Algorithm 1: logits [q·k⁺, q·queueᵀ] / τ, label 0."""
    q, k, bank = l2_normalize(query), l2_normalize(key), l2_normalize(queue)
    positive = (q * k).sum(1, keepdim=True) / temperature
    negatives = q @ bank.T / temperature
    return (torch.logsumexp(torch.cat([positive, negatives], 1), 1) - positive[:, 0]).mean()


def negative_cosine(p, z):
    """SimSiam's D(p, z) = −cos(p, z), mean over the batch."""
    return -(l2_normalize(p) * l2_normalize(z)).sum(1).mean()


def method_loss(c, z, p, targets, queue):
    n = z.shape[0] // 2
    z1, z2 = z[:n], z[n:]
    method = c["method"]
    if method == "moco":
        k1, k2 = targets[:n], targets[n:]
        return 0.5 * (info_nce(z1, k2, queue, c["temperature"]) + info_nce(z2, k1, queue, c["temperature"]))
    if method == "simsiam":
        p1, p2 = p[:n], p[n:]
        t1, t2 = (z1.detach(), z2.detach()) if c["stopGradient"] else (z1, z2)
        return 0.5 * (negative_cosine(p1, t2) + negative_cosine(p2, t1))
    if method == "byol":
        p1, p2 = p[:n], p[n:]
        t1, t2 = targets[:n].detach(), targets[n:].detach()
        return 2 + negative_cosine(p1, t2) + negative_cosine(p2, t1)
    if c["noNegatives"]:
        return positive_only(z1, z2, c["temperature"])
    return nt_xent(z1, z2, c["temperature"])
`;
