using System.Text;
using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class PaperFormatTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF");
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("REPORT.PDF")]
    public void A_pdf_is_known_by_its_first_bytes(string name) => Assert.Same(PaperFormat.Pdf, PaperFormat.Identify(name, Pdf));

    [Theory]
    [InlineData("report.docx")]
    [InlineData("report")]
    [InlineData("report.pdf.exe")]
    [InlineData(null)]
    public void A_name_that_disagrees_with_the_content_is_refused(string? name) => Assert.Null(PaperFormat.Identify(name, Pdf));

    [Theory]
    [InlineData("program.pdf", "MZ\u0090\0")]
    [InlineData("page.pdf", "<html><script>alert(1)</script>")]
    [InlineData("page.html", "<html><script>alert(1)</script>")]
    [InlineData("notes.txt", "Plain words")]
    public void Content_that_is_no_accepted_document_is_refused_whatever_the_name(string name, string content) =>
        Assert.Null(PaperFormat.Identify(name, Encoding.Latin1.GetBytes(content)));

    [Theory]
    [InlineData("old.doc", "application/msword")]
    [InlineData("old.xls", "application/vnd.ms-excel")]
    [InlineData("old.ppt", "application/vnd.ms-powerpoint")]
    public void The_97_2003_formats_share_a_container_and_the_name_tells_which(string name, string contentType) =>
        Assert.Equal(contentType, PaperFormat.Identify(name, CompoundFile)!.ContentType);

    [Fact]
    public void A_zip_is_an_office_document_only_when_it_holds_one()
    {
        Assert.Same(PaperFormat.Word, PaperFormat.Identify("paper.docx", Zip("[Content_Types].xml", "word/document.xml")));
        Assert.Same(PaperFormat.Excel, PaperFormat.Identify("paper.xlsx", Zip("[Content_Types].xml", "xl/workbook.xml")));
        Assert.Null(PaperFormat.Identify("paper.docx", Zip("index.html")));
        Assert.Null(PaperFormat.Identify("paper.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
    }

    private static byte[] Zip(params string[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts)
            {
                zip.CreateEntry(part);
            }
        }

        return buffer.ToArray();
    }
}
