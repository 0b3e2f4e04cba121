import type { LocalDatabase } from "../../data/local-db";
import { useImageUrl } from "./use-image-url";

/** A product's picture (from the server, or still waiting on this till), or a quiet placeholder. */
export function ProductImage({
  local,
  url,
  name,
  size = 48,
}: {
  local: LocalDatabase;
  url: string | undefined;
  name: string;
  size?: number;
}) {
  const src = useImageUrl(local, url);
  return src ? (
    <img className="thumb" src={src} alt={name} width={size} height={size} />
  ) : (
    <span className="thumb placeholder" style={{ width: size, height: size }} aria-hidden="true" />
  );
}
