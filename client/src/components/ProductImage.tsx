import type { CSSProperties } from 'react';

/** A product photo, or a calm placeholder with the product's initial so cards keep their rhythm. */
export function ProductImage({
  url,
  alt,
  name,
  sizes = 'card',
}: {
  url: string | null | undefined;
  alt: string;
  name: string;
  sizes?: 'card' | 'large';
}) {
  if (url) {
    return <img className={`product-image product-image-${sizes}`} src={url} alt={alt} loading="lazy" decoding="async" />;
  }
  const hue = [...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 360;
  return (
    <div
      className={`product-image product-image-${sizes} product-image-placeholder`}
      style={{ '--placeholder-hue': String(hue) } as CSSProperties}
      role="img"
      aria-label={alt}
    >
      <span aria-hidden="true">{name.trim().charAt(0).toUpperCase()}</span>
    </div>
  );
}
