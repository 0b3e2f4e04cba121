/**
 * The demo shop's catalog: "Corner Pantry", a café and grocery in Berlin. Prices are euro cents,
 * tax-inclusive; food is at the reduced rate, household goods at the standard rate.
 */

/** A category of the demo shop. */
export interface DemoCategory {
  readonly key: string;
  readonly name: string;
  readonly color: string;
}

/** A variant of a demo product. Grocery variants carry an EAN-13 barcode and opening stock. */
export interface DemoVariant {
  readonly sku: string;
  readonly barcode?: string;
  readonly title: string;
  readonly price: number;
  readonly trackStock: boolean;
  readonly stock?: number;
  readonly cost?: number;
}

/** A demo product; taxRate "reduced" (food, 7 %) or "standard" (19 %). */
export interface DemoProduct {
  readonly name: string;
  readonly category: string;
  readonly taxRate: "standard" | "reduced";
  readonly description: string;
  readonly variants: readonly DemoVariant[];
}

export const demoCategories: readonly DemoCategory[] = [
  { key: "coffee", name: "Coffee & Tea", color: "#7a4b2a" },
  { key: "bakery", name: "Bakery", color: "#d08c2e" },
  { key: "kitchen", name: "Sandwiches & Bowls", color: "#5f8f3a" },
  { key: "drinks", name: "Cold Drinks", color: "#2f7fb5" },
  { key: "dairy", name: "Dairy & Eggs", color: "#c9a227" },
  { key: "pantry", name: "Pantry", color: "#a2452f" },
  { key: "produce", name: "Fruit & Veg", color: "#3f9d5b" },
  { key: "snacks", name: "Snacks & Sweets", color: "#b0487f" },
  { key: "household", name: "Household", color: "#55657a" },
];

/** The file name of a demo product's picture: its name in lower-case words, e.g. `club-mate.svg`. */
export function demoImageFile(name: string): string {
  return `${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}.svg`;
}

/** Appends the EAN-13 check digit to 12 digits. */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

// Compact rows keep the data readable; the helpers below expand them into products.
type Sizes = readonly (readonly [title: string, price: number])[];
const CUP: Sizes = [
  ["Small", 0],
  ["Regular", 40],
  ["Large", 80],
];

/** A drink or dish made to order: no barcode, no stock. */
function made(category: string, name: string, sku: string, price: number, description: string, sizes?: Sizes): DemoProduct {
  const variants = (sizes ?? [["Regular", 0]]).map(([title, extra]) => ({
    sku: sizes ? `${sku}-${title[0]}` : sku,
    title,
    price: price + extra,
    trackStock: false,
  }));
  return { name, category, taxRate: "reduced", description, variants };
}

let nextCode = 1;
/** A packaged item with a barcode (GS1 Germany prefix 400–440), stock and a cost price. */
function packed(
  category: string,
  name: string,
  description: string,
  variants: readonly (readonly [sku: string, title: string, price: number, stock: number])[],
  taxRate: "standard" | "reduced" = "reduced",
): DemoProduct {
  return {
    name,
    category,
    taxRate,
    description,
    variants: variants.map(([sku, title, price, stock]) => ({
      sku,
      barcode: ean13(`4006${String(nextCode++).padStart(8, "0")}`),
      title,
      price,
      trackStock: true,
      stock,
      cost: Math.round(price * 0.58),
    })),
  };
}

export const demoProducts: readonly DemoProduct[] = [
  made("coffee", "Espresso", "COF-ESP", 220, "Our house blend from Röststätte Kreuzberg, single or double.", [
    ["Single", 0],
    ["Double", 60],
  ]),
  made("coffee", "Flat White", "COF-FLW", 340, "Double ristretto with velvety steamed milk.", CUP),
  made("coffee", "Cappuccino", "COF-CAP", 320, "Espresso, steamed milk and a thick cap of foam.", CUP),
  made("coffee", "Caffè Latte", "COF-LAT", 350, "Espresso with plenty of silky milk.", CUP),
  made("coffee", "Filter Coffee", "COF-FIL", 260, "Batch-brewed single origin, changes weekly.", CUP),
  made("coffee", "Chai Latte", "TEA-CHAI", 360, "Spiced black tea with steamed milk.", CUP),
  made("coffee", "Loose-leaf Tea", "TEA-POT", 280, "Earl Grey, green sencha or peppermint, by the pot.", [
    ["Cup", 0],
    ["Pot", 120],
  ]),
  made("coffee", "Hot Chocolate", "COF-CHO", 330, "Dark chocolate melted into hot milk.", CUP),
  made("bakery", "Butter Croissant", "BAK-CRO", 190, "Baked every morning with French butter."),
  made("bakery", "Pain au Chocolat", "BAK-PAC", 230, "Flaky pastry with two bars of dark chocolate."),
  made("bakery", "Cinnamon Bun", "BAK-CIN", 280, "Swedish-style, cardamom dough, cinnamon butter."),
  made("bakery", "Banana Bread Slice", "BAK-BAN", 290, "Moist, with walnuts; vegan."),
  made("bakery", "Blueberry Muffin", "BAK-MUF", 270, "Packed with wild blueberries."),
  packed("bakery", "Sourdough Loaf", "Rye-wheat sourdough from Bäckerei Balzer, 800 g.", [["BAK-SOUR-800", "800 g", 520, 14]]),
  packed("bakery", "Seeded Rye Bread", "Dense whole-rye bread with sunflower and pumpkin seeds, 500 g.", [
    ["BAK-RYE-500", "500 g", 430, 9],
  ]),
  made("kitchen", "Cheese & Pickle Sandwich", "KIT-CHP", 550, "Mature cheddar, house pickle, sourdough."),
  made("kitchen", "Halloumi Wrap", "KIT-HAL", 690, "Grilled halloumi, hummus, roast peppers, rocket."),
  made("kitchen", "Chicken Pesto Focaccia", "KIT-CPF", 720, "Free-range chicken, basil pesto, mozzarella."),
  made("kitchen", "Soup of the Day", "KIT-SOUP", 480, "Ask at the counter; served with bread.", [
    ["Cup", 0],
    ["Bowl", 150],
  ]),
  made("kitchen", "Granola Bowl", "KIT-GRA", 520, "House granola, Greek yoghurt, seasonal fruit."),
  made("kitchen", "Avocado Toast", "KIT-AVO", 790, "Smashed avocado, chilli, lime on sourdough."),
  packed("drinks", "Sparkling Water", "Mineral water from the Harz, glass bottle.", [
    ["DRK-SPW-033", "0.33 l", 180, 48],
    ["DRK-SPW-075", "0.75 l", 290, 24],
  ]),
  packed("drinks", "Still Water", "Natural mineral water, glass bottle.", [["DRK-STW-033", "0.33 l", 180, 40]]),
  packed("drinks", "Organic Lemonade", "Lightly sparkling, 0.33 l.", [
    ["DRK-LEM-ELD", "Elderflower", 260, 30],
    ["DRK-LEM-GIN", "Ginger", 260, 26],
    ["DRK-LEM-ORA", "Blood orange", 260, 3],
  ]),
  packed("drinks", "Cold Brew Coffee", "Steeped for 18 hours, 250 ml can.", [["DRK-CBR-250", "250 ml", 350, 20]]),
  packed("drinks", "Apple Spritzer", "60 % apple juice, 40 % sparkling water, 0.5 l.", [["DRK-APS-050", "0.5 l", 240, 36]]),
  packed("drinks", "Club-Mate", "The Berlin classic, 0.5 l.", [["DRK-MATE-050", "0.5 l", 250, 44]]),
  packed("drinks", "Fresh Orange Juice", "Pressed in-house this morning, 250 ml.", [["DRK-OJ-250", "250 ml", 390, 12]]),
  packed("dairy", "Free-range Eggs", "Size M from Hof Brodowin.", [
    ["DAI-EGG-6", "6 pack", 299, 30],
    ["DAI-EGG-10", "10 pack", 459, 18],
  ]),
  packed("dairy", "Whole Milk 1 l", "Organic, 3.8 % fat.", [["DAI-MLK-1L", "1 l", 159, 36]]),
  packed("dairy", "Oat Milk 1 l", "Made in Sweden from oats.", [
    ["DAI-OAT-BAR", "Barista", 249, 28],
    ["DAI-OAT-ORG", "Original", 199, 22],
  ]),
  packed("dairy", "Greek Yoghurt 500 g", "Strained, 10 % fat.", [["DAI-YOG-500", "500 g", 289, 16]]),
  packed("dairy", "Salted Butter 250 g", "Irish grass-fed butter.", [["DAI-BUT-250", "250 g", 349, 20]]),
  packed("dairy", "Mature Cheddar 200 g", "Aged 12 months.", [["DAI-CHD-200", "200 g", 429, 14]]),
  packed("dairy", "Buffalo Mozzarella 125 g", "From Campania.", [["DAI-MOZ-125", "125 g", 279, 2]]),
  packed("pantry", "Extra Virgin Olive Oil", "Cold-pressed Koroneiki from Crete.", [
    ["PAN-OIL-500", "500 ml", 899, 15],
    ["PAN-OIL-1000", "1 l", 1599, 6],
  ]),
  packed("pantry", "Spaghetti 500 g", "Bronze-cut durum wheat pasta.", [["PAN-SPA-500", "500 g", 249, 40]]),
  packed("pantry", "Arborio Rice 1 kg", "For risotto.", [["PAN-ARB-1K", "1 kg", 399, 18]]),
  packed("pantry", "Chopped Tomatoes", "Italian, 400 g tin.", [["PAN-TOM-400", "400 g", 149, 48]]),
  packed("pantry", "Red Lentils 500 g", "Organic, cook in 15 minutes.", [["PAN-LEN-500", "500 g", 279, 24]]),
  packed("pantry", "House Coffee Beans", "Our espresso blend, roasted in Kreuzberg.", [
    ["PAN-BEAN-250", "250 g", 890, 20],
    ["PAN-BEAN-1K", "1 kg", 2990, 5],
  ]),
  packed("pantry", "Wildflower Honey 500 g", "From Brandenburg beekeepers.", [["PAN-HON-500", "500 g", 749, 12]]),
  packed("pantry", "Strawberry Jam 340 g", "55 % fruit.", [["PAN-JAM-340", "340 g", 399, 15]]),
  packed("pantry", "Sea Salt Flakes 250 g", "Hand-harvested.", [["PAN-SALT-250", "250 g", 459, 10]]),
  packed("produce", "Bananas (bunch of 5)", "Fairtrade, Ecuador.", [["VEG-BAN-5", "Bunch of 5", 199, 25]]),
  packed("produce", "Apples (bag of 6)", "Elstar from the Altes Land.", [["VEG-APL-6", "Bag of 6", 299, 20]]),
  packed("produce", "Avocado", "Ready to eat.", [["VEG-AVO-1", "Each", 149, 30]]),
  packed("produce", "Cherry Tomatoes 250 g", "On the vine.", [["VEG-TOM-250", "250 g", 229, 16]]),
  packed("produce", "Lemons (bag of 3)", "Unwaxed, Sicily.", [["VEG-LEM-3", "Bag of 3", 179, 18]]),
  packed("produce", "Baby Spinach 150 g", "Washed and ready.", [["VEG-SPI-150", "150 g", 199, 10]]),
  packed("snacks", "Dark Chocolate Bar", "Single-origin Peru, 100 g bar.", [
    ["SNK-CHO-70", "70 % cocoa", 329, 30],
    ["SNK-CHO-SEA", "Sea salt", 349, 20],
  ]),
  packed("snacks", "Salted Caramel Cookie", "Baked here, wrapped to go.", [["SNK-COO-CAR", "Each", 220, 24]]),
  packed("snacks", "Sea Salt Crisps", "Hand-cooked, 150 g.", [
    ["SNK-CRI-SEA", "Sea salt", 259, 22],
    ["SNK-CRI-VIN", "Salt & vinegar", 259, 18],
  ]),
  packed("snacks", "Mixed Nuts 200 g", "Roasted, lightly salted.", [["SNK-NUT-200", "200 g", 449, 14]]),
  packed("snacks", "Granola Bar", "Oats, honey and almonds.", [["SNK-GRB-1", "Each", 149, 40]]),
  packed("snacks", "Liquorice Wheels", "Danish, sweet and salty, 150 g.", [["SNK-LIQ-150", "150 g", 299, 3]]),
  packed("household", "Washing-up Liquid 500 ml", "Plant-based, refillable.", [["HOU-WUL-500", "500 ml", 349, 12]], "standard"),
  packed("household", "Beeswax Wraps (set of 3)", "Reusable food wraps.", [["HOU-BWX-3", "Set of 3", 1490, 8]], "standard"),
  packed("household", "Tote Bag", "Organic cotton, Corner Pantry print.", [["HOU-TOTE-1", "Natural", 890, 25]], "standard"),
  packed(
    "household",
    "Reusable Cup 350 ml",
    "Bamboo-free, dishwasher safe; 10 % off drinks in it.",
    [
      ["HOU-CUP-350", "Forest green", 1290, 15],
      ["HOU-CUP-350-S", "Sand", 1290, 11],
    ],
    "standard",
  ),
  packed("household", "Kitchen Towels (2 rolls)", "Recycled paper.", [["HOU-KTW-2", "2 rolls", 299, 20]], "standard"),
];
