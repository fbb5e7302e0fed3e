<?php
// The site's notes. Which site this is comes from TIDE_SITE_DIR, which the
// vhost passes to PHP as a FastCGI parameter.
require __DIR__ . '/../lib/settings.php';

$settings = notes_settings();
$pdo = notes_db($settings);
$schema = notes_schema($pdo);
$installed = $schema > 0;
// During a migrate this code may meet a database still at schema 1 (no
// slugs yet): show what that schema has.
$columns = $schema >= 2 ? 'id, title, body, slug' : 'id, title, body';
$notes = $installed ? $pdo->query("SELECT $columns FROM notes ORDER BY id")->fetchAll(PDO::FETCH_ASSOC) : [];

$h = fn (string $s): string => htmlspecialchars($s, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
$heading = $h('Notes ' . NOTES_VERSION . ' — ' . $settings['site']['name']);
header('Content-Type: text/html; charset=utf-8');
echo "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>$heading</title></head>\n<body>\n<h1>$heading</h1>\n";
if (!$installed) echo "<p>This site is not installed yet.</p>\n";
echo "<ul>\n";
foreach ($notes as $note) {
    echo '<li data-id="' . (int) $note['id'] . '">' . $h($note['title']) . ': ' . $h($note['body'])
        . (isset($note['slug']) ? ' [' . $h($note['slug']) . ']' : '') . "</li>\n";
}
echo "</ul>\n</body>\n</html>\n";
