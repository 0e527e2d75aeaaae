using KentMedwayCommissioning.Web.Infrastructure.Passwords;

namespace KentMedwayCommissioning.UnitTests.Infrastructure;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("qwerty123456")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("Password2024!")]
    [InlineData("2018football")]
    [InlineData("dragondragon")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    public void A_common_password_or_one_padded_or_repeated_is_refused(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("Kent-Medway-demo-2018")]
    [InlineData("correct horse battery staple")]
    [InlineData("lantern orbit pebble")]
    public void An_uncommon_password_is_accepted(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));
}
