INSERT INTO calls VALUES (1, 'v1-answered', 'in', '+4921112345', '+4921155500123', 'Erika Mustermann',
 'Muster GmbH', 7, 'exact', 1, '["Anna Mayer"]', 'Anna Mayer', 'answered', 'normalClearing',
 1741078800000, 1741078805000, 1741078888000, 83,
 '[{"call_id":"v1-answered","users":["Anna Mayer"],"answered_by":"Anna Mayer","voicemail":false,"cause":"normalClearing","started_at":"2025-03-04T09:00:00Z","answered_at":"2025-03-04T09:00:05Z","ended_at":"2025-03-04T09:01:28Z"}]',
 'erika mustermann' || char(31) || 'muster gmbh', 1741078888000);
INSERT INTO calls VALUES (2, 'v1-ringing', 'in', '+4917812345678', '+4920398765', '', '', 0, '', 0,
 '["Jürgen Müller"]', '', 'ringing', '', 1741078900000, NULL, NULL, 0,
 '[{"call_id":"v1-ringing","users":["Jürgen Müller"],"voicemail":false,"started_at":"2025-03-04T09:01:40Z","answered_at":null,"ended_at":null}]',
 '' || char(31) || '', 1741078900000);
