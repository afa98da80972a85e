-- Staff find an order by the ship-to name too (the wall's "Find an order"): the search text gains it as a fourth field,
-- after the id, customer id and email, separated by chr(31) like them (ReadModelBatch writes new rows the same way).
UPDATE orders
SET search = lower(id || chr(31) || customer_id || chr(31) || coalesce(email, '') || chr(31) || coalesce(ship_to_name, ''))
WHERE ship_to_name IS NOT NULL AND ship_to_name <> '';