<?php
// The site's notes. Which site this is comes from TIDE_SITE_DIR, which the
// vhost passes to PHP as a FastCGI parameter.
require __DIR__ . '/../lib/settings.php';

$settings = notes_settings();
$pdo = notes_db($settings);
$installed = notes_schema($pdo) > 0;
$notes = $installed ? $pdo->query('SELECT id, title, body FROM notes ORDER BY id')->fetchAll(PDO::FETCH_ASSOC) : [];

$h = fn (string $s): string => htmlspecialchars($s, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
$heading = $h('Notes ' . NOTES_VERSION . ' — ' . $settings['site']['name']);
header('Content-Type: text/html; charset=utf-8');
echo "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>$heading</title></head>\n<body>\n<h1>$heading</h1>\n";
if (!$installed) echo "<p>This site is not installed yet.</p>\n";
echo "<ul>\n";
foreach ($notes as $note) {
    echo '<li data-id="' . (int) $note['id'] . '">' . $h($note['title']) . ': ' . $h($note['body']) . "</li>\n";
}
echo "</ul>\n</body>\n</html>\n";
