import { crc32, deflateSync } from "node:zlib";

/**
 * A photo for upload journeys: a PNG of `width` × `height` with a warm gradient and a dark band,
 * encoded here (RGB, no filter) so no image library is needed.
 */
export function photoPng(width = 800, height = 600): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const band = y > height * 0.6 && y < height * 0.75;
      row[1 + x * 3] = band ? 60 : 200 + Math.round((55 * x) / width);
      row[2 + x * 3] = band ? 40 : 150 + Math.round((60 * y) / height);
      row[3 + x * 3] = band ? 30 : 60;
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
