using Schedly.Core.Locations;
using Schedly.Core.Validation;

namespace Schedly.Core.Tests.Locations;

public sealed class LocationDraftTests
{
    private static (MeetingLocation? Location, ValidationErrors Errors) Validate(LocationDraft draft)
    {
        var errors = new ValidationErrors();
        return (draft.Validate("location", errors), errors);
    }

    [Fact]
    public void Validate_InPersonWithAddress_KeepsTrimmedAddress()
    {
        var (location, errors) = Validate(new LocationDraft { Kind = "inPerson", Address = "  12 Rue X, Paris " });

        Assert.True(errors.IsEmpty);
        Assert.Equal(new MeetingLocation(LocationKind.InPerson, "12 Rue X, Paris"), location);
    }

    [Theory]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+1 (212) 555-0123", "+12125550123")]
    [InlineData("+33612345678", "+33612345678")]
    public void Validate_Phone_StoresE164(string input, string e164)
    {
        var (location, errors) = Validate(new LocationDraft { Kind = "phone", Phone = input });

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(e164, location!.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("020 7946 0958")]
    [InlineData("+44 12")]
    [InlineData("+999 1234567")]
    [InlineData("call me")]
    public void Validate_PhoneNotE164_IsErrorOnPhone(string? input)
    {
        var (location, errors) = Validate(new LocationDraft { Kind = "phone", Phone = input });

        Assert.Null(location);
        Assert.True(errors.ToDictionary().ContainsKey("location.phone"));
    }

    [Theory]
    [InlineData("video", null)]
    [InlineData("video", "http://meet.example/room")]
    [InlineData("video", "meet.example/room")]
    [InlineData("video", "https://user:pw@meet.example/room")]
    [InlineData("generatedVideo", "https://meet.example/?x=1")]
    [InlineData("generatedVideo", "ftp://meet.example")]
    public void Validate_BadUrl_IsErrorOnTheUrlField(string kind, string? url)
    {
        var draft = kind == "video" ? new LocationDraft { Kind = kind, Url = url } : new LocationDraft { Kind = kind, BaseUrl = url };

        var (location, errors) = Validate(draft);

        Assert.Null(location);
        Assert.True(errors.ToDictionary().ContainsKey(kind == "video" ? "location.url" : "location.baseUrl"), errors.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("InPerson")]
    [InlineData("zoom")]
    public void Validate_UnknownKind_IsErrorOnKind(string? kind)
    {
        var (location, errors) = Validate(new LocationDraft { Kind = kind, Address = "x" });

        Assert.Null(location);
        Assert.True(errors.ToDictionary().ContainsKey("location.kind"));
    }

    [Fact]
    public void Validate_CustomWithoutText_IsError()
    {
        var (_, errors) = Validate(new LocationDraft { Kind = "custom", Text = "  " });

        Assert.True(errors.ToDictionary().ContainsKey("location.text"));
    }

    [Fact]
    public void Validate_GeneratedVideoWithoutBase_UsesTheConfiguredServer()
    {
        var (location, errors) = Validate(new LocationDraft { Kind = "generatedVideo" });

        Assert.True(errors.IsEmpty);
        Assert.Equal(new MeetingLocation(LocationKind.GeneratedVideo, null), location);
    }
}
