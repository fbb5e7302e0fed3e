<?php
// Installs a new site: creates this version's schema (2) directly, as a
// migrated schema-1 database ends up, and a first note naming the site.
// tide runs it once, after creating the site's empty database and its
// settings.json.
require __DIR__ . '/../lib/settings.php';

$settings = notes_settings();
$pdo = notes_db($settings);
if (($schema = notes_schema($pdo)) !== 0) {
    throw new NotesError("the database is already installed (schema $schema)");
}

$pdo->exec('CREATE TABLE notes (id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200) NOT NULL, body TEXT NOT NULL,'
    . ' created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, slug VARCHAR(200) NOT NULL, UNIQUE KEY notes_slug (slug))');
$pdo->exec('CREATE TABLE login_tokens (token CHAR(64) PRIMARY KEY, expires_at DATETIME NOT NULL)');
$pdo->exec('CREATE TABLE meta (name VARCHAR(64) PRIMARY KEY, value VARCHAR(255) NOT NULL)');
$pdo->prepare('INSERT INTO notes (title, body, slug) VALUES (?, ?, ?)')
    ->execute(['Welcome', 'Welcome to ' . $settings['site']['name'], notes_slug('Welcome')]);
// Last: a database with meta.schema set is a complete one.
$pdo->exec("INSERT INTO meta (name, value) VALUES ('schema', '" . NOTES_SCHEMA . "')");

echo 'installed notes ' . NOTES_VERSION . " (schema " . NOTES_SCHEMA . ") for {$settings['site']['name']}\n";
