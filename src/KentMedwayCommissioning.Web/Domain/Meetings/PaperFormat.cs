using System.IO.Compression;

namespace KentMedwayCommissioning.Web.Domain.Meetings;

/// <summary>
/// The kinds of document a paper may be uploaded as, told apart by their content (the first bytes, and for Office's
/// zip-based formats the parts inside), never by the name alone: the name's extension must agree with the content.
/// Nothing a browser would run or render as a page (HTML, SVG, scripts, programs) is accepted.
/// </summary>
public sealed record PaperFormat(string Name, string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly PaperFormat Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly PaperFormat Word = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly PaperFormat Excel = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly PaperFormat PowerPoint = new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly PaperFormat OldWord = new("Word 97-2003", "application/msword", [".doc"]);
    public static readonly PaperFormat OldExcel = new("Excel 97-2003", "application/vnd.ms-excel", [".xls"]);
    public static readonly PaperFormat OldPowerPoint = new("PowerPoint 97-2003", "application/vnd.ms-powerpoint", [".ppt"]);
    public static readonly PaperFormat Png = new("PNG image", "image/png", [".png"]);
    public static readonly PaperFormat Jpeg = new("JPEG image", "image/jpeg", [".jpg", ".jpeg"]);

    public static IReadOnlyList<PaperFormat> All { get; } = [Pdf, Word, Excel, PowerPoint, OldWord, OldExcel, OldPowerPoint, Png, Jpeg];

    /// <summary>What the upload form and its refusals say is accepted.</summary>
    public const string Accepted = "a PDF, Word, Excel or PowerPoint document, or a PNG or JPEG image";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    /// <summary>The format the content is, when the file's name agrees with it; null when it is not a format we accept or the name says otherwise.</summary>
    public static PaperFormat? Identify(string? fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        var format = ByContent(content, extension);
        return format is not null && format.Extensions.Contains(extension) ? format : null;
    }

    private static PaperFormat? ByContent(byte[] content, string extension)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (bytes.StartsWith(PngMagic))
        {
            return Png;
        }

        if (bytes.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        // The 97-2003 formats share one container; its streams are not worth parsing to tell them apart, so the name does.
        if (bytes.StartsWith(CompoundFileMagic))
        {
            return extension switch
            {
                ".doc" => OldWord,
                ".xls" => OldExcel,
                ".ppt" => OldPowerPoint,
                _ => null,
            };
        }

        return bytes.StartsWith(ZipMagic) ? OfficeOpenXml(content) : null;
    }

    /// <summary>A zip is an Office document only when it holds the package's content types and the application's main part.</summary>
    private static PaperFormat? OfficeOpenXml(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? Word
                : names.Contains("xl/workbook.xml") ? Excel
                : names.Contains("ppt/presentation.xml") ? PowerPoint
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
