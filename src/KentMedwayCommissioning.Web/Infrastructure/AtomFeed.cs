using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// Writes every Atom feed the app publishes with what RFC 4287 and the W3C feed validator ask for: an author on the
/// feed (which its entries inherit), a <c>rel="self"</c> link equal to the feed's id (so each filtered feed has its own),
/// and an <c>updated</c> that is a real time even when the feed has no entries.
/// </summary>
public static class AtomFeed
{
    public const string Author = "Kent and Medway Commissioning";

    public const string ContentType = "application/atom+xml";

    /// <param name="selfUrl">The feed's own absolute URL with its filters; also its permanent id.</param>
    /// <param name="updatedWhenEmpty">The feed's <c>updated</c> when it has no entries.</param>
    public static byte[] Write(string title, string subtitle, string selfUrl, string alternateUrl, IReadOnlyList<SyndicationItem> items, DateTimeOffset updatedWhenEmpty, Action<SyndicationFeed>? extend = null)
    {
        var feed = new SyndicationFeed(title, subtitle, new Uri(alternateUrl), selfUrl, items.Count > 0 ? items.Max(item => item.LastUpdatedTime) : updatedWhenEmpty)
        {
            Items = items,
        };
        feed.Authors.Add(new SyndicationPerson { Name = Author });
        feed.Links.Add(new SyndicationLink(new Uri(selfUrl), "self", title, ContentType, 0));
        extend?.Invoke(feed);

        using var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return bytes.ToArray();
    }

    public static IResult Result(byte[] feed) => Results.Bytes(feed, ContentType + "; charset=utf-8");
}
