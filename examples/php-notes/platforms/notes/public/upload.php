<?php
// An upload, as any PHP application stores one: POST /upload.php?name=NAME
// writes the request body to the site's files/ directory (the only place
// the web server may write); GET /upload.php?name=NAME reads it back.
require __DIR__ . '/../lib/settings.php';

$settings = notes_settings();
$name = $_GET['name'] ?? '';
if (!preg_match('/^[a-z0-9][a-z0-9._-]{0,63}$/', $name)) {
    http_response_code(400);
    exit("name must be 1 to 64 of a-z, 0-9, '.', '_' and '-'\n");
}
$path = getenv('TIDE_SITE_DIR') ?: $_SERVER['TIDE_SITE_DIR'];
$path .= "/files/$name";
header('Content-Type: text/plain; charset=utf-8');
if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $body = file_get_contents('php://input');
    if (@file_put_contents($path, $body) === false) {
        http_response_code(500);
        exit("cannot write files/$name for {$settings['site']['name']}\n");
    }
    echo "stored files/$name (" . strlen($body) . " bytes) for {$settings['site']['name']}\n";
} elseif (is_readable($path)) {
    readfile($path);
} else {
    http_response_code(404);
    echo "no files/$name\n";
}
