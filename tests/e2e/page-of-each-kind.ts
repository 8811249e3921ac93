/** One page of each kind the site has, the search page with a query, and an unknown address (the 404 page). */
export const pageOfEachKind = [
  '/',
  '/years/2023/',
  '/ministries/',
  '/ministries/ndrc/',
  '/topics/',
  '/topics/energy-carbon/',
  '/policies/2023-nonferrous-stable-growth/',
  '/policies/2023-nonferrous-stable-growth/international-markets/',
  '/overview/',
  '/about/',
  '/search/?q=镁合金',
  '/collection/',
  '/no-such-page/',
];
