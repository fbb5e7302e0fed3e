<?php
// Installs a new site: creates this version's schema (3) directly, with the
// slug of 2.0 and the pinned flag new in 2.1, and a first note naming the
// site. (Only this release's update is broken; a fresh install works.)
require __DIR__ . '/../lib/settings.php';

$settings = notes_settings();
$pdo = notes_db($settings);
if (($schema = notes_schema($pdo)) !== 0) {
    throw new NotesError("the database is already installed (schema $schema)");
}

$pdo->exec('CREATE TABLE notes (id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200) NOT NULL, body TEXT NOT NULL,'
    . ' created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, slug VARCHAR(200) NOT NULL, pinned TINYINT NOT NULL DEFAULT 0,'
    . ' UNIQUE KEY notes_slug (slug))');
$pdo->exec('CREATE TABLE login_tokens (token CHAR(64) PRIMARY KEY, expires_at DATETIME NOT NULL)');
$pdo->exec('CREATE TABLE meta (name VARCHAR(64) PRIMARY KEY, value VARCHAR(255) NOT NULL)');
$pdo->prepare('INSERT INTO notes (title, body, slug) VALUES (?, ?, ?)')
    ->execute(['Welcome', 'Welcome to ' . $settings['site']['name'], notes_slug('Welcome')]);
// Last: a database with meta.schema set is a complete one.
$pdo->exec("INSERT INTO meta (name, value) VALUES ('schema', '" . NOTES_SCHEMA . "')");

echo 'installed notes ' . NOTES_VERSION . " (schema " . NOTES_SCHEMA . ") for {$settings['site']['name']}\n";
