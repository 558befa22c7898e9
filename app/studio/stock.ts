/** A variant with this many pieces or fewer left is flagged, so the artisan can make more. */
export const LOW_STOCK = 2;
