/** A catalog CSV of `rows` products, one variant each, in the import's format (README: "Catalog CSV"). */
export function bulkCatalogCsv(rows: number): string {
  const lines = ["product,variant,sku,barcode,price,cost,track_stock,category,tax_rate,status,description"];
  for (let i = 1; i <= rows; i++) {
    const n = String(i).padStart(5, "0");
    lines.push(
      `Bulk item ${n},Default,BULK-${n},,${(1 + (i % 50) / 10).toFixed(2)},0.50,${i % 3 === 0 ? "no" : "yes"},Bulk goods,Reduced 7%,active,`,
    );
  }
  return `${lines.join("\n")}\n`;
}
