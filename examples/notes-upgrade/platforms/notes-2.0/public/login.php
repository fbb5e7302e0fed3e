<?php
// Redeems a link printed by bin/login.php. Deleting the token and checking
// that a row went is one statement, so a link works once even when two
// requests race.
require __DIR__ . '/../lib/settings.php';

$settings = notes_settings();
$pdo = notes_db($settings);
$token = $_GET['token'] ?? '';
$used = false;
if (is_string($token) && preg_match('/^[0-9a-f]{64}$/', $token)) {
    $delete = $pdo->prepare('DELETE FROM login_tokens WHERE token = ? AND expires_at > NOW()');
    $delete->execute([$token]);
    $used = $delete->rowCount() === 1;
}

header('Content-Type: text/plain; charset=utf-8');
header('Cache-Control: no-store');
if (!$used) {
    http_response_code(403);
    echo "This login link is invalid or has already been used.\n";
    exit;
}
// A real application would start an admin session here.
echo "Logged in to {$settings['site']['name']} as admin\n";
