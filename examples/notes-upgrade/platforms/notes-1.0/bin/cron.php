<?php
// The site's scheduled jobs; notes only records when cron last ran.
require __DIR__ . '/../lib/settings.php';

$pdo = notes_db(notes_settings());
$pdo->prepare("REPLACE INTO meta (name, value) VALUES ('cron_last', ?)")->execute([gmdate('c')]);
echo "cron done\n";
