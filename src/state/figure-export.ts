/**
 * A panel exported as the figure it is on screen: title, caption, canvases, SVG charts,
 * legends and colour bars, drawn from the panel's own DOM at 2× (or more) pixel density
 * with the page's fonts. No library: the DOM is walked once into draw operations, which
 * become either one canvas (PNG) or one SVG document.
 */
type Operation =
  | {
      kind: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      fill: string | null;
      stroke: string | null;
      strokeWidth: number;
      radius: number;
    }
  | { kind: 'text'; x: number; y: number; text: string; font: string; color: string }
  | {
      kind: 'canvas';
      x: number;
      y: number;
      width: number;
      height: number;
      source: HTMLCanvasElement;
      smooth: boolean;
    }
  | { kind: 'svg'; x: number; y: number; width: number; height: number; markup: string };

const transparent = (colour: string) =>
  colour === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(colour);

/** An SVG element as standalone markup: computed text styles inlined, so fonts and colours survive. */
function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = svg.querySelectorAll('*');
  const targets = clone.querySelectorAll('*');
  sources.forEach((source, i) => {
    const style = getComputedStyle(source);
    const target = targets[i] as SVGElement;
    if (source.tagName === 'text' || source.tagName === 'tspan') {
      target.setAttribute('font-family', style.fontFamily);
      target.setAttribute('font-size', style.fontSize);
      target.setAttribute('font-weight', style.fontWeight);
      if (!source.getAttribute('fill') || source.getAttribute('fill') === 'currentColor')
        target.setAttribute('fill', style.fill === 'none' ? style.color : style.fill);
    }
    if (source.getAttribute('stroke') === 'currentColor')
      target.setAttribute('stroke', style.color);
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('class');
  return new XMLSerializer().serializeToString(clone);
}

function collect(root: HTMLElement): { operations: Operation[]; width: number; height: number } {
  const origin = root.getBoundingClientRect();
  const operations: Operation[] = [];
  const place = (r: DOMRect) => ({
    x: r.left - origin.left,
    y: r.top - origin.top,
    width: r.width,
    height: r.height,
  });
  const visit = (element: Element) => {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    if (element.classList.contains('visually-hidden')) return;
    const box = place(element.getBoundingClientRect());
    if (element instanceof SVGSVGElement) {
      if (box.width > 0 && box.height > 0)
        operations.push({
          kind: 'svg',
          ...box,
          markup: standaloneSvg(element, box.width, box.height),
        });
      return;
    }
    const fill = transparent(style.backgroundColor) ? null : style.backgroundColor;
    const borderWidth = parseFloat(style.borderTopWidth) || 0;
    const stroke =
      borderWidth > 0 && style.borderTopStyle !== 'none' && !transparent(style.borderTopColor)
        ? style.borderTopColor
        : null;
    if ((fill || stroke) && box.width > 0 && box.height > 0)
      operations.push({
        kind: 'rect',
        ...box,
        fill,
        stroke,
        strokeWidth: borderWidth,
        radius: parseFloat(style.borderTopLeftRadius) || 0,
      });
    if (element instanceof HTMLCanvasElement) {
      operations.push({
        kind: 'canvas',
        ...box,
        source: element,
        smooth: style.imageRendering !== 'pixelated',
      });
      return;
    }
    if (element instanceof HTMLSelectElement) {
      const option = element.selectedOptions[0];
      if (option)
        operations.push({
          kind: 'text',
          x: box.x + 4,
          y: box.y + box.height / 2,
          text: option.text,
          font: `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
          color: style.color,
        });
      return;
    }
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.textContent ?? '';
        if (!text.trim()) continue;
        // word by word: wrapped lines land where the browser put them
        const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const range = document.createRange();
        const words = text.matchAll(/\S+/g);
        for (const word of words) {
          range.setStart(child, word.index);
          range.setEnd(child, word.index + word[0].length);
          const rects = range.getClientRects();
          if (rects.length === 0) continue;
          const r = place(rects[0]);
          operations.push({
            kind: 'text',
            x: r.x,
            y: r.y + r.height / 2,
            text: word[0],
            font,
            color: style.color,
          });
        }
      } else if (child instanceof Element) {
        visit(child);
      }
    }
  };
  visit(root);
  return { operations, width: origin.width, height: origin.height };
}

async function svgImage(markup: string): Promise<HTMLImageElement> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  image.src = url;
  try {
    await image.decode();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return image;
}

/** Runs `draw` with the element laid out whole (scrolled lists unrolled), then restores it. */
async function whole<T>(element: HTMLElement, draw: () => Promise<T>): Promise<T> {
  element.classList.add('exporting');
  try {
    return await draw();
  } finally {
    element.classList.remove('exporting');
  }
}

/** The element as a PNG canvas at `density` device pixels per CSS pixel (at least 2). */
export function renderToCanvas(element: HTMLElement, density = 2): Promise<HTMLCanvasElement> {
  return whole(element, async () => {
    await document.fonts.ready;
    const { operations, width, height } = collect(element);
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * density);
    canvas.height = Math.ceil(height * density);
    const context = canvas.getContext('2d')!;
    context.scale(density, density);
    context.fillStyle = getComputedStyle(document.body).backgroundColor || '#fff';
    context.fillRect(0, 0, width, height);
    context.textBaseline = 'middle';
    for (const op of operations) {
      if (op.kind === 'rect') {
        context.beginPath();
        context.roundRect(op.x, op.y, op.width, op.height, op.radius);
        if (op.fill) {
          context.fillStyle = op.fill;
          context.fill();
        }
        if (op.stroke) {
          context.strokeStyle = op.stroke;
          context.lineWidth = op.strokeWidth;
          context.stroke();
        }
      } else if (op.kind === 'text') {
        context.font = op.font;
        context.fillStyle = op.color;
        context.fillText(op.text, op.x, op.y);
      } else if (op.kind === 'canvas') {
        context.imageSmoothingEnabled = op.smooth;
        context.drawImage(op.source, op.x, op.y, op.width, op.height);
      } else {
        context.drawImage(await svgImage(op.markup), op.x, op.y, op.width, op.height);
      }
    }
    return canvas;
  });
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

/** The element as one SVG document (canvases embedded as PNG images). */
export function renderToSvg(element: HTMLElement): Promise<string> {
  return whole(element, async () => {
    const { operations, width, height } = collect(element);
    const parts = operations.map((op) => {
      if (op.kind === 'rect')
        return `<rect x="${op.x}" y="${op.y}" width="${op.width}" height="${op.height}" rx="${op.radius}" fill="${op.fill ?? 'none'}"${op.stroke ? ` stroke="${op.stroke}" stroke-width="${op.strokeWidth}"` : ''}/>`;
      if (op.kind === 'text')
        return `<text x="${op.x}" y="${op.y}" dominant-baseline="middle" style="font: ${escapeXml(op.font)}" fill="${op.color}">${escapeXml(op.text)}</text>`;
      if (op.kind === 'canvas')
        return `<image x="${op.x}" y="${op.y}" width="${op.width}" height="${op.height}" href="${op.source.toDataURL('image/png')}"${op.smooth ? '' : ' style="image-rendering: pixelated"'}/>`;
      return `<g transform="translate(${op.x}, ${op.y})">${op.markup}</g>`;
    });
    const background = getComputedStyle(document.body).backgroundColor || '#fff';
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="${background}"/>${parts.join('')}</svg>`;
  });
}
