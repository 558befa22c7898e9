import type { Picture } from "~/images/picture";

type Props = {
  picture: Picture;
  /** The `sizes` attribute: how wide the image is drawn at each viewport width. */
  sizes: string;
  /** The largest image of the first screen: fetched first, never lazily. */
  priority?: boolean;
  className?: string;
};

export function ResponsiveImage({ picture, sizes, priority = false, className }: Props) {
  return (
    <picture>
      {picture.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        src={picture.fallback}
        alt={picture.alt}
        width={picture.width}
        height={picture.height}
        loading={priority ? "eager" : "lazy"}
        decoding={priority ? "sync" : "async"}
        // React 18 does not know the attribute's camel-case name yet.
        {...{ fetchpriority: priority ? "high" : "auto" }}
        className={className}
        style={{
          backgroundImage: `url("${picture.placeholder}")`,
          backgroundSize: "cover",
        }}
      />
    </picture>
  );
}
