/**
 * The demo distributor's world: a building-supply wholesaler (000's industry) with warehouses,
 * vendors of different reliability, customers with priorities and reps. Names are invented.
 */

export const WAREHOUSES = ['MAIN', 'EAST', 'WEST'] as const;

export interface Vendor {
  readonly name: string;
  readonly leadTimeDays: number;
  /** Typical days late against the promised date (the demo feed slips by about this much). */
  readonly slipDays: number;
}

export const VENDORS: readonly Vendor[] = [
  { name: 'Northline Lumber', leadTimeDays: 10, slipDays: 0 },
  { name: 'Keystone Gypsum', leadTimeDays: 14, slipDays: 2 },
  { name: 'Summit Roofing Supply', leadTimeDays: 21, slipDays: 9 },
  { name: 'Bayside Fasteners', leadTimeDays: 7, slipDays: 1 },
  { name: 'Cascade Plumbing Wholesale', leadTimeDays: 12, slipDays: 5 },
  { name: 'Ridge Electrical', leadTimeDays: 9, slipDays: 3 },
];

export const CATEGORIES: readonly {
  code: string;
  name: string;
  vendor: number;
  items: readonly string[];
  price: [number, number];
}[] = [
  {
    code: 'LUM',
    name: 'Lumber',
    vendor: 0,
    items: ['2x4 stud 8ft', '2x6 joist 12ft', '4x4 post 10ft', 'OSB sheet 7/16', 'Plywood 3/4 CDX'],
    price: [4, 60],
  },
  {
    code: 'DRY',
    name: 'Drywall',
    vendor: 1,
    items: [
      'Drywall 1/2 4x8',
      'Drywall 5/8 fire-rated',
      'Joint compound 5gal',
      'Corner bead 8ft',
      'Drywall tape 500ft',
    ],
    price: [3, 40],
  },
  {
    code: 'ROF',
    name: 'Roofing',
    vendor: 2,
    items: [
      'Architectural shingles bundle',
      'Ice and water shield',
      'Drip edge 10ft',
      'Ridge vent 4ft',
      'Roofing nails 50lb',
    ],
    price: [8, 140],
  },
  {
    code: 'FST',
    name: 'Fasteners',
    vendor: 3,
    items: [
      'Deck screws 5lb',
      'Framing nails 30lb',
      'Anchor bolts 100pk',
      'Joist hangers 25pk',
      'Lag screws 50pk',
    ],
    price: [6, 90],
  },
  {
    code: 'PLB',
    name: 'Plumbing',
    vendor: 4,
    items: [
      'PEX pipe 1/2 100ft',
      'PVC pipe 2in 10ft',
      'Ball valve 3/4',
      'Water heater 50gal',
      'Copper fitting kit',
    ],
    price: [5, 900],
  },
  {
    code: 'ELC',
    name: 'Electrical',
    vendor: 5,
    items: ['Romex 12/2 250ft', 'Breaker 20A', 'Outlet box 25pk', 'LED panel 2x4', 'Conduit EMT 1/2'],
    price: [4, 180],
  },
];

export const CUSTOMERS: readonly { name: string; priority: 'Normal' | 'High' | 'VIP'; terms: string }[] = [
  'Harbor Builders',
  'Oakridge Homes',
  'Pioneer Contracting',
  'Blue Mesa Construction',
  'Granite State Renovations',
  'Lakeside Remodeling',
  'Ironwood Framing',
  'Cedar Point Roofing',
  'Metro Drywall Co',
  'Brightline Electric',
  'Summit Custom Homes',
  'Riverbend Plumbing',
  'Keystone Developers',
  'Evergreen Property Group',
  'Northgate Builders',
  'Redstone Masonry',
  'Copperfield Homes',
  'Westbrook Contractors',
  'Silver Lake Interiors',
  'Hilltop Restoration',
  'Maple Street Carpentry',
  'Coastal Roof Systems',
  'Prairie Wind Construction',
  'Bluebird Handyman',
  'Eastside Renovators',
  'Frontier Framers',
  'Union Square Builders',
  'Golden Gate Drywall',
  'Sunrise Home Services',
  'Tall Pines Construction',
].map((name, i) => ({
  name,
  priority: i % 10 === 0 ? 'VIP' : i % 4 === 0 ? 'High' : 'Normal',
  terms: ['Net 30', 'Net 15', 'Net 60', 'Due on receipt'][i % 4] as string,
}));

export const REPS = ['Dana Ortiz', 'Sam Lee', 'Priya Natarajan', 'Marcus Bell', 'Jo Kowalski'] as const;
