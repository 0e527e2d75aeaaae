// NHS.UK frontend's components (header menu, skip link, error summary) need their script; the pages work without it.
import { initAll } from '/lib/nhsuk-frontend/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
