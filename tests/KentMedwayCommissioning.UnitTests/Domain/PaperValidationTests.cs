using System.Text;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.Extensions.Options;

namespace KentMedwayCommissioning.UnitTests.Domain;

/// <summary>The upload rules as the command's validator applies them, with the size limit as configured.</summary>
public sealed class PaperValidationTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF");

    private static Papers.AttachValidator Validator(int maxUploadBytes = 1024) => new(Options.Create(new PaperOptions { MaxUploadBytes = maxUploadBytes }));

    [Fact]
    public void The_size_limit_is_the_configured_one()
    {
        Assert.True(Validator().Validate(new Papers.Attach(1, 1, "Report", "report.pdf", Pdf, null)).IsValid);

        var refused = Validator(maxUploadBytes: 10).Validate(new Papers.Attach(1, 1, "Report", "report.pdf", Pdf, null));

        Assert.Equal("The file must be 1 KB or smaller", Assert.Single(refused.Errors).ErrorMessage);
    }

    [Fact]
    public void The_default_limit_is_20_MB() => Assert.Equal(20 * 1024 * 1024, new PaperOptions().MaxUploadBytes);

    [Theory]
    [InlineData(null, null)]
    [InlineData("report.pdf", "Some text as well")]
    public void A_paper_is_a_file_or_text_but_not_both_nor_neither(string? fileName, string? text)
    {
        var result = Validator().Validate(new Papers.Attach(1, 1, "Report", fileName, fileName is null ? null : Pdf, text));

        Assert.Contains(result.Errors, error => error.ErrorMessage == "Choose a file to upload, or write the paper's text, but not both");
    }

    [Fact]
    public void A_paper_needs_a_title() =>
        Assert.Contains(Validator().Validate(new Papers.Attach(1, 1, " ", null, null, "Text")).Errors, error => error.ErrorMessage == "Enter the paper's title");
}
