import { Alert, Dialog } from "@countertop/ui";
import { useEffect, useRef, useState } from "react";

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

const FORMATS = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "qr_code"];

/**
 * The browser's own `BarcodeDetector` where it has one (Chrome on Android, macOS); otherwise the
 * zxing-wasm ponyfill, loaded on first use from the app's own precached files, so it works offline.
 */
async function createDetector(): Promise<Detector> {
  const native = (
    globalThis as { BarcodeDetector?: { new (o: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> } }
  ).BarcodeDetector;
  if (native) {
    const supported = (await native.getSupportedFormats?.()) ?? [];
    const formats = FORMATS.filter((f) => supported.includes(f));
    if (formats.length > 0) return new native({ formats });
  }
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import("barcode-detector/ponyfill"),
    import("zxing-wasm/reader/zxing_reader.wasm?url"),
  ]);
  prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith(".wasm") ? wasmUrl : prefix + path) } });
  return new BarcodeDetector({ formats: FORMATS as never });
}

/** Scans with the tablet's camera until a code is read. */
export function CameraScanner({ onScan, onClose }: { onScan: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = await createDetector();
        while (!stopped) {
          const [hit] = await detector.detect(video.current).catch(() => []);
          if (hit?.rawValue) {
            onScan(hit.rawValue);
            return;
          }
          await new Promise((r) => setTimeout(r, 150));
        }
      } catch (e) {
        if (e instanceof DOMException && e.name === "NotAllowedError")
          setError("The camera is blocked. Allow it in the browser's site settings.");
        else if (e instanceof DOMException && e.name === "NotFoundError") setError("No camera is available on this device.");
        else setError(`The scanner could not start: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onScan]);
  return (
    <Dialog title="Scan with the camera" layout="wide">
      {error ? <Alert message={error} /> : <video ref={video} className="camera" muted playsInline aria-label="Camera preview" />}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </Dialog>
  );
}
