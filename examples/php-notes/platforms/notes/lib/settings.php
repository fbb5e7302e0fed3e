<?php
// The site's settings, written by tide into TIDE_SITE_DIR/settings.json:
// {"site": {"name", "url", "profile"}, "db": {"host", "port", "name", "user", "password"}}.
// TIDE_SITE_DIR comes from the environment (commands) or the vhost (web).

function notes_settings(): array {
    $dir = getenv('TIDE_SITE_DIR') ?: ($_SERVER['TIDE_SITE_DIR'] ?? '');
    if ($dir === '' || !is_readable("$dir/settings.json")) {
        throw new RuntimeException('TIDE_SITE_DIR is not set or has no readable settings.json');
    }
    return json_decode(file_get_contents("$dir/settings.json"), true, 512, JSON_THROW_ON_ERROR);
}

function notes_db(array $settings): PDO {
    $db = $settings['db'];
    $dsn = sprintf('mysql:host=%s;port=%d;dbname=%s;charset=utf8mb4', $db['host'], $db['port'], $db['name']);
    return new PDO($dsn, $db['user'], $db['password'], [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
}
