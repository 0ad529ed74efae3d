"""The web, brought into the library as local files.

`http` fetches politely and within limits (`FetchError` says why not),
`charset` decides a page's encoding from headers and bytes, `pages` keeps
a fetched page under reader's data folder, `feeds` reads RSS, Atom and
JSON Feed into plain entries, `update` fetches every subscription and saves
new articles, `subscriptions` adds feeds to the config file and `opml`
speaks the format every feed reader imports and exports.
"""
