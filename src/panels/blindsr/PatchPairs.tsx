import type { BlindSrSample } from '../../core/blindsr/types';
import { useT } from '../../state/useT';
import { PixelCanvas } from '../../ui/PixelCanvas';

/** A square patch [side, side, 3] cut from an RGB image [imageSide, imageSide, 3]. */
function cutPatch(pixels: Float32Array, imageSide: number, x: number, y: number, side: number) {
  const out = new Float32Array(side * side * 3);
  for (let row = 0; row < side; row++)
    out.set(
      pixels.subarray(((y + row) * imageSide + x) * 3, ((y + row) * imageSide + x + side) * 3),
      row * side * 3,
    );
  return out;
}

/** Step by stage, "patches": each sample's query and key patch as the encoder gets them. */
export function PatchPairs({
  samples,
  patchSize,
  scale,
}: {
  samples: BlindSrSample[];
  patchSize: number;
  scale: number;
}) {
  const t = useT();
  return (
    <>
      <p className="caption">{t('stage.patches.title')}</p>
      <div className="patch-pairs">
        {samples.map((sample, i) => {
          const side = sample.hrSize / scale;
          const key = sample.partnerLow ?? sample.low;
          return (
            <span className="patch-pair" key={i}>
              <PixelCanvas
                pixels={cutPatch(
                  sample.low,
                  side,
                  sample.patches[0].x,
                  sample.patches[0].y,
                  patchSize,
                )}
                size={patchSize}
                className="thumb patch query"
                label={t('stage.patches.query', { n: i + 1 })}
              />
              <PixelCanvas
                pixels={cutPatch(key, side, sample.patches[1].x, sample.patches[1].y, patchSize)}
                size={patchSize}
                className="thumb patch key"
                label={t('stage.patches.key', { n: i + 1 })}
              />
            </span>
          );
        })}
      </div>
    </>
  );
}
