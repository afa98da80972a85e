-- Synthetic orders n = @first .. @last for the list-query benchmark, shaped like a shop's history: two years of
-- orders, more of them recent; most are completed, the newest still moving; web and app dominate; customers
-- and SKUs are skewed (a few buy and sell a lot). Ids are a bijection of n, so a rerun never collides.
WITH numbered AS (
    SELECT n,
           (n * 2654435761) % 1099511627776 AS id_bits,
           now() - (730 * power(random(), 1.6)) * interval '1 day' AS placed_at,
           random() AS status_roll,
           random() AS channel_roll,
           floor(200000 * power(random(), 2.5))::int AS customer,
           1 + floor(4 * power(random(), 2))::int AS line_count
    FROM generate_series(@first::bigint, @last::bigint) AS n
),
shaped AS (
    SELECT n.*,
           'OG-' || array_to_string(ARRAY(
               SELECT substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((n.id_bits >> (5 * (7 - k))) & 31)::int + 1, 1)
               FROM generate_series(0, 3) AS k ORDER BY k), '')
                 || '-' || array_to_string(ARRAY(
               SELECT substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((n.id_bits >> (5 * (7 - k))) & 31)::int + 1, 1)
               FROM generate_series(4, 7) AS k ORDER BY k), '') AS id,
           CASE
               WHEN n.placed_at > now() - interval '2 days' THEN
                   (ARRAY['AwaitingReview', 'Reserved', 'Reserved', 'Reserved', 'Backordered', 'Processing', 'Processing',
                          'PartiallyShipped', 'Shipped', 'InTransit', 'InTransit', 'OutForDelivery', 'Cancelled'])[1 + floor(n.status_roll * 13)::int]
               WHEN n.placed_at > now() - interval '16 days' THEN
                   (ARRAY['Delivered', 'Delivered', 'Delivered', 'Delivered', 'InTransit', 'DeliveryException', 'Backordered',
                          'Cancelled'])[1 + floor(n.status_roll * 8)::int]
               WHEN n.status_roll < 0.06 THEN 'Cancelled'
               WHEN n.status_roll < 0.065 THEN 'DeliveryException'
               ELSE 'Completed'
           END AS status,
           CASE
               WHEN n.channel_roll < 0.55 THEN 'web'
               WHEN n.channel_roll < 0.80 THEN 'app'
               WHEN n.channel_roll < 0.88 THEN 'phone'
               WHEN n.channel_roll < 0.93 THEN 'email'
               ELSE 'store'
           END AS channel,
           'c-' || (10000 + n.customer) AS customer_id,
           (ARRAY['ada', 'grace', 'alan', 'edsger', 'barbara', 'donald', 'margaret', 'ken', 'dennis', 'frances'])[1 + n.customer % 10]
               || '.' || (10000 + n.customer) || '@'
               || (ARRAY['example.com', 'mail.example.org', 'shop.example.net'])[1 + n.customer % 3] AS email,
           (ARRAY['GB', 'GB', 'GB', 'GB', 'IE', 'FR', 'DE', 'NL'])[1 + n.customer % 8] AS country
    FROM numbered AS n
),
lined AS (
    SELECT s.*,
           ARRAY(SELECT DISTINCT 'SKU-' || lpad((floor(4000 * power(random() + 0 * s.n, 3)))::int::text, 5, '0')
                 FROM generate_series(1, s.line_count)) AS skus,
           ARRAY(SELECT DISTINCT w FROM (
                 SELECT (ARRAY['uk-north', 'uk-north', 'uk-north', 'uk-south', 'uk-south', 'eu-central'])[1 + floor(6 * random() + 0 * s.n)::int] AS w
                 FROM generate_series(1, 1 + (random() + 0 * s.n < 0.15)::int)) AS ws) AS warehouse_ids,
           round((5 + 120 * power(random(), 2))::numeric * s.line_count, 2) AS total
    FROM shaped AS s
)
INSERT INTO orders (id, status, channel, customer_id, email, phone, ship_to_name, ship_to_country, ship_to_city,
                    ship_to_postal_code, total, line_count, item_count, warehouse_ids, skus, hold_kinds, placed_at,
                    updated_at, version, search)
SELECT id, status, channel, customer_id, email, NULL, 'Customer ' || customer_id, country, 'City ' || (n % 500),
       'PC' || (n % 9000), total, cardinality(skus), cardinality(skus) * 2, warehouse_ids, skus,
       CASE status WHEN 'AwaitingReview' THEN '{Review}'::text[] WHEN 'Backordered' THEN '{OutOfStock}'::text[] ELSE '{}' END,
       placed_at, placed_at + interval '3 days', 8,
       lower(id || chr(31) || customer_id || chr(31) || email)
FROM lined
ON CONFLICT (id) DO NOTHING;
