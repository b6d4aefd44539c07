-- title: Partnership
-- answers: The partnership the data pack belongs to: its name, short name, the district it serves and its document.
-- params: none
SELECT p.name, p.short_name, p.home_area, a.name AS home_area_name, p.document
FROM partnership AS p
JOIN areas AS a ON a.id = p.home_area
