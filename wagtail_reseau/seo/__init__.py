"""What a page says about itself to search engines, social networks and feed
readers: schema.org JSON-LD (one builder per page type, in a registry a host
extends), Open Graph and Twitter card tags, the sitemap with its language
alternates, and the RSS/Atom feeds. See docs/seo.md."""
