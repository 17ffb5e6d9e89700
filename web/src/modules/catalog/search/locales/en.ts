import type { ServiceSearchMessages } from './zh-CN';

export const serviceSearchEn: ServiceSearchMessages = {
  heading: 'Search services',
  title: 'Search results',
  found: '{{total}} services found for “{{query}}”',
  emptyQuery: 'Type what you need to do, e.g. “open a restaurant”, “business licence” or pinyin initials “yyzz”.',
  notFound: 'No services found for “{{query}}”',
  didYouMean: 'Did you mean: ',
  notFoundHint: 'Try other words, or start from one of these life events:',
  tryHot: 'Popular searches',
  results: 'Search results',
  pagination: 'Pages',
  totalText: '{{total}} in all',
  regionLegend: 'Your area',
  regionHousehold: 'Showing the offices of your registered residence, {{region}}. Choose another area on the right.',
  regionChosen: 'Showing the offices serving {{region}}.',
  regionNone: 'Choose your area to see the offices that serve it.',
  local: 'Handled in {{region}}',
  provinceWide: 'Not handled in {{region}}: available province-wide',
  places: 'Available in {{count}} areas',
  themes: 'Life events (all in one application)',
  themeItems: '{{count}} services in one application',
};
