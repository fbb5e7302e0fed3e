<?php
// Installs a new site: creates the schema and a first note naming the site.
require __DIR__ . '/../lib/settings.php';

$settings = notes_settings();
$pdo = notes_db($settings);
$pdo->exec('CREATE TABLE notes (id INT AUTO_INCREMENT PRIMARY KEY, body TEXT NOT NULL, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)');
$pdo->exec('CREATE TABLE meta (name VARCHAR(64) PRIMARY KEY, value VARCHAR(255) NOT NULL)');
$insert = $pdo->prepare('INSERT INTO notes (body) VALUES (?)');
$insert->execute(['Welcome to ' . $settings['site']['name']]);
$pdo->prepare('INSERT INTO meta VALUES (?, ?)')->execute(['schema', '1']);
echo "installed {$settings['site']['name']} (profile {$settings['site']['profile']})\n";
