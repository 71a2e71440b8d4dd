"""StreamField blocks shared by the page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class DocumentResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, help_text=_("Leave empty to use the document's title.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "wagtail_reseau/blocks/document_resource.html"


class LinkResourceBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Address (URL)"))
    title = blocks.CharBlock(label=_("Title"))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "wagtail_reseau/blocks/link_resource.html"


class ResourcesBlock(blocks.StreamBlock):
    """Documents and links offered for reuse (tools, slides, templates...)."""

    document = DocumentResourceBlock()
    link = LinkResourceBlock()

    class Meta:
        label = _("Resources")


class ImageWithAltBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        required=False,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Leave empty only if the image is purely decorative."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_reseau/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "wagtail_reseau/blocks/quote.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Section heading")
        template = "wagtail_reseau/blocks/heading.html"


class BodyBlock(blocks.StreamBlock):
    """Free article content: news, reports, narratives."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )
    image = ImageWithAltBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Video or other embed"), icon="media")
    document = DocumentResourceBlock()

    class Meta:
        label = _("Body")


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"), required=False)
    title = blocks.CharBlock(label=_("Title"))
    description = blocks.TextBlock(label=_("Description"), required=False)
    speaker = blocks.CharBlock(
        label=_("Led by"), required=False, help_text=_("Who leads this part of the session.")
    )

    class Meta:
        icon = "time"
        label = _("Agenda item")


class PerspectiveBlock(blocks.StructBlock):
    """A numbered perspective of a forum report, with its sub-points."""

    title = blocks.CharBlock(label=_("Perspective"))
    text = blocks.RichTextBlock(
        label=_("Explanation"), required=False, features=["bold", "italic", "link"]
    )
    sub_points = blocks.ListBlock(
        blocks.CharBlock(label=_("Sub-point")), label=_("Sub-points"), default=[]
    )

    class Meta:
        icon = "list-ol"
        label = _("Perspective")


class ObjectiveBlock(blocks.CharBlock):
    class Meta:
        icon = "tick"
        label = _("Objective")
