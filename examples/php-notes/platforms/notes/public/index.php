<?php
// One codebase, many sites: which site this is comes from TIDE_SITE_DIR,
// which the vhost passes to PHP as a FastCGI parameter.
require __DIR__ . '/../lib/settings.php';

$settings = notes_settings();
$notes = notes_db($settings)->query('SELECT body FROM notes ORDER BY id')->fetchAll(PDO::FETCH_COLUMN);
header('Content-Type: text/html; charset=utf-8');
$site = htmlspecialchars($settings['site']['name']);
echo "<!doctype html><title>$site</title><h1>Notes of $site</h1><ul>";
foreach ($notes as $note) {
    echo '<li>' . htmlspecialchars($note) . '</li>';
}
echo "</ul>\n";
