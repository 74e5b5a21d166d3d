-- Suppliers to invite to an RFQ: listings counted per supplier within one HS chapter. With the
-- supplier in the index the count is read from the index alone, not from a million wide rows.
create index listings_chapter_supplier_idx on catalog.listings (hs_chapter, supplier_id);
