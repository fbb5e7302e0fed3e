// The page a disabled site serves (with status 503), like Aegir's.

export const DISABLED_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Site disabled</title></head>
<body>
<h1>This site is disabled</h1>
<p>It has been disabled by its hosting provider. Please contact them if you think this is a mistake.</p>
</body>
</html>
`;
