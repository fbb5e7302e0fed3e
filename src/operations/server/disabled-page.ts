// The pages a site serves instead of itself (with status 503): disabled, like
// Aegir's, and down for maintenance.

export const DISABLED_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Site disabled</title></head>
<body>
<h1>This site is disabled</h1>
<p>It has been disabled by its hosting provider. Please contact them if you think this is a mistake.</p>
</body>
</html>
`;

/** Served (503) while a migrate or restore copies a site's data, so nothing written meanwhile is lost. */
export const MAINTENANCE_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Down for maintenance</title></head>
<body>
<h1>This site is down for maintenance</h1>
<p>It will be back in a few minutes.</p>
</body>
</html>
`;
