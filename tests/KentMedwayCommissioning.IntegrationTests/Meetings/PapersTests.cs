using System.IO.Compression;
using System.Net;
using System.Text;
using FluentValidation;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Meetings;

/// <summary>Papers attached to an item: what is accepted, how it is served, and that a private item's stay private.</summary>
[Collection(nameof(SharedApp))]
public sealed class PapersTests(TestApp app) : IAsyncLifetime
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_visitor_downloads_a_public_items_pdf_with_its_type_as_an_attachment_that_cannot_run_in_the_site()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Papers Board");
        var paperId = await app.SendAsAsync(TestApp.Secretary(board.BodyId), new Papers.Attach(board.MeetingId, board.ItemNumber, "Finance report", "finance report.pdf", Pdf, null));

        var visitor = new Browsing(app);
        var item = await visitor.GetPageAsync($"/meetings/{board.MeetingId}/items/{board.ItemNumber}");
        var link = item.QuerySelectorAll("#papers ~ p a").Single(anchor => anchor.TextContent.Contains("Finance report", StringComparison.Ordinal)).GetAttribute("href");
        Assert.Equal($"/meetings/{board.MeetingId}/items/{board.ItemNumber}/papers/{paperId}", link);
        var agenda = await visitor.GetPageAsync($"/meetings/{board.MeetingId}");
        Assert.Equal(link, agenda.QuerySelectorAll("#agenda ~ table a").Single(anchor => anchor.TextContent == "Finance report").GetAttribute("href"));
        using var response = await visitor.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("finance report.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.StartsWith("sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("minutes.pdf", "MZ\u0090\0\u0003\0\0\0 This program cannot be run in DOS mode")]
    [InlineData("agenda.pdf", "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>")]
    [InlineData("agenda.html", "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>")]
    [InlineData("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    public async Task A_file_whose_content_is_not_an_accepted_document_is_refused_whatever_its_name(string fileName, string content)
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Refusing Board");

        var refusal = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsAsync(TestApp.Secretary(board.BodyId), new Papers.Attach(board.MeetingId, board.ItemNumber, "Report", fileName, Encoding.Latin1.GetBytes(content), null)));

        Assert.Contains(refusal.Errors, error => error.PropertyName == "File" && error.ErrorMessage.StartsWith("The file must be a PDF", StringComparison.Ordinal));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Set<Paper>().CountAsync(paper => paper.AgendaItemId == board.ItemId)));
    }

    [Fact]
    public async Task A_pdf_named_as_a_word_document_is_refused_and_a_real_word_document_is_accepted()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Word Board");
        var secretary = TestApp.Secretary(board.BodyId);

        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsAsync(secretary, new Papers.Attach(board.MeetingId, board.ItemNumber, "Report", "report.docx", Pdf, null)));
        await app.SendAsAsync(secretary, new Papers.Attach(board.MeetingId, board.ItemNumber, "Report", "report.docx", WordDocument(), null));

        Assert.Equal(PaperFormat.Word.ContentType, await app.QueryDbAsync(db => db.Set<Paper>().Where(paper => paper.AgendaItemId == board.ItemId).Select(paper => paper.ContentType).SingleAsync()));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Big File Board");
        var tooBig = new byte[(20 * 1024 * 1024) + 1];
        Pdf.CopyTo(tooBig, 0);

        var refusal = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsAsync(TestApp.Secretary(board.BodyId), new Papers.Attach(board.MeetingId, board.ItemNumber, "Report", "big.pdf", tooBig, null)));

        Assert.Equal("The file must be 20 MB or smaller", Assert.Single(refusal.Errors).ErrorMessage);
    }

    [Fact]
    public async Task A_private_items_paper_is_not_found_by_the_public_or_another_bodys_member_but_is_served_to_whoever_runs_the_meeting()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Confidential Board");
        var number = await app.QueryDbAsync(async db =>
        {
            var meeting = await db.Meetings.Include(candidate => candidate.Items).SingleAsync(candidate => candidate.Id == board.MeetingId);
            var item = meeting.AddItem("Sale of Harbour House", AgendaItemKind.ForNoting, MeetingPart.Private, null);
            await db.SaveChangesAsync();
            return item.Number;
        });
        var paperId = await app.SendAsAsync(TestApp.Secretary(board.BodyId), new Papers.Attach(board.MeetingId, number, "Valuation of Harbour House", "valuation.pdf", Pdf, null));
        var address = $"/meetings/{board.MeetingId}/items/{number}/papers/{paperId}";

        Assert.Equal(HttpStatusCode.NotFound, (await new Browsing(app).Client.GetAsync(address)).StatusCode);
        var member = new Browsing(app);
        await member.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(address)).StatusCode);
        var administrator = new Browsing(app);
        await administrator.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await administrator.Client.GetAsync(address)).StatusCode);
    }

    [Fact]
    public async Task A_paper_written_as_markdown_is_rendered_without_anything_that_could_run()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Markdown Board");
        const string Markdown = "# Summary\n\nThe board **agrees**.<script>alert(1)</script>\n\n[a link](javascript:alert(2)) <img src=x onerror=alert(3)>";
        await app.SendAsAsync(TestApp.Secretary(board.BodyId), new Papers.Attach(board.MeetingId, board.ItemNumber, "Cover note", null, null, Markdown));

        var page = await new Browsing(app).GetPageAsync($"/meetings/{board.MeetingId}/items/{board.ItemNumber}");
        var paper = page.QuerySelector(".kmc-paper-text")!;

        Assert.Equal("Summary", paper.QuerySelector("h1")!.TextContent);
        Assert.Equal("agrees", paper.QuerySelector("strong")!.TextContent);
        Assert.Empty(paper.QuerySelectorAll("script, img, [onerror], a[href^='javascript']"));
    }

    [Fact]
    public async Task The_secretary_uploads_a_paper_from_the_page_and_a_refused_file_is_explained_next_to_the_field()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Upload Board");
        var administrator = new Browsing(app);
        await administrator.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var address = $"/meetings/{board.MeetingId}/items/{board.ItemNumber}/papers/new";

        var refused = await Browsing.ParseAsync(await UploadAsync(administrator, address, "Programme", "programme.pdf", Encoding.ASCII.GetBytes("MZ not a pdf")));
        Assert.Contains("The file must be a PDF", refused.QuerySelector("#paper-file-error")!.TextContent, StringComparison.Ordinal);

        var attached = await UploadAsync(administrator, address, "Programme", "programme.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        Assert.Equal("programme.pdf", await app.QueryDbAsync(db => db.Set<Paper>().Where(paper => paper.AgendaItemId == board.ItemId).Select(paper => paper.FileName).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(Browsing browser, string address, string title, string fileName, byte[] content)
    {
        var page = await browser.GetPageAsync(address);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "Paper.Title" },
            { new ByteArrayContent(content), "Paper.File", fileName },
        };
        return await browser.Client.PostAsync(address, form);
    }

    /// <summary>The smallest package Word's format needs to be told apart: the content types and the main document part.</summary>
    public static byte[] WordDocument()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }

        return buffer.ToArray();
    }
}
