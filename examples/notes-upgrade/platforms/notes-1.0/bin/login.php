<?php
// Prints a one-time login link for `tide login`: a random token, valid ten
// minutes, that public/login.php accepts once. Only the link goes to stdout.
require __DIR__ . '/../lib/settings.php';

$settings = notes_settings();
$pdo = notes_db($settings);
$token = bin2hex(random_bytes(32));
// The database's clock decides expiry both here and in login.php.
$pdo->prepare('INSERT INTO login_tokens (token, expires_at) VALUES (?, NOW() + INTERVAL 10 MINUTE)')->execute([$token]);

$url = $settings['site']['url'];
$base = preg_match('~^https?://~', $url) ? rtrim($url, '/') : "http://$url";
echo "$base/login.php?token=$token\n";
