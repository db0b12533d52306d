import { useEffect, useRef } from 'react';

/** Draws an RGB [size, size, 3] array in [0, 1] into a canvas; CSS scales it up, pixelated. */
export function PixelCanvas({
  pixels,
  size,
  className,
  label,
  ...rest
}: {
  pixels: Float32Array;
  size: number;
  className?: string;
  label?: string;
} & React.HTMLAttributes<HTMLCanvasElement>) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const rgba = new Uint8ClampedArray(size * size * 4);
    for (let i = 0; i < size * size; i++) {
      rgba[i * 4] = pixels[i * 3] * 255;
      rgba[i * 4 + 1] = pixels[i * 3 + 1] * 255;
      rgba[i * 4 + 2] = pixels[i * 3 + 2] * 255;
      rgba[i * 4 + 3] = 255;
    }
    context.putImageData(new ImageData(rgba, size, size), 0, 0);
  }, [pixels, size]);
  return (
    <canvas
      ref={ref}
      width={size}
      height={size}
      className={className}
      aria-label={label}
      role={label ? 'img' : undefined}
      {...rest}
    />
  );
}
