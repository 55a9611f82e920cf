using Schedly.Core.Locations;

namespace Schedly.Core.Tests.Locations;

public sealed class MeetingLocationTests
{
    private static readonly Uri Jitsi = new LocationOptions().GeneratedVideoBase;

    [Fact]
    public void ResolveFor_GeneratedVideoWithoutBase_IsARoomOnTheDefaultServer()
    {
        var room = VideoRoom.NewName();

        var location = new MeetingLocation(LocationKind.GeneratedVideo, null).ResolveFor(room, Jitsi);

        Assert.Equal(new Uri("https://meet.jit.si/" + room), location.Url);
        Assert.Equal(location.Url!.AbsoluteUri, location.Display);
    }

    [Fact]
    public void ResolveFor_GeneratedVideoWithOwnBase_IsARoomUnderThatPath()
    {
        var location = new MeetingLocation(LocationKind.GeneratedVideo, "https://video.example/rooms/").ResolveFor("abc", Jitsi);

        Assert.Equal("https://video.example/rooms/abc", location.Url!.AbsoluteUri);
    }

    [Fact]
    public void VideoRoom_NewName_Is128RandomBitsEachTime()
    {
        var names = Enumerable.Range(0, 1000).Select(_ => VideoRoom.NewName()).ToList();

        Assert.All(names, n => Assert.Matches("^[0-9a-f]{32}$", n));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void ResolveFor_Phone_ShowsTheInternationalFormWithoutLink()
    {
        var location = new MeetingLocation(LocationKind.Phone, "+442079460958").ResolveFor("r", Jitsi);

        Assert.Equal("+44 20 7946 0958", location.Display);
        Assert.Null(location.Url);
    }

    [Fact]
    public void ResolveFor_Video_IsTheFixedLinkForEveryBooking()
    {
        var video = new MeetingLocation(LocationKind.Video, "https://zoom.example/j/1");

        Assert.Equal(video.ResolveFor("a", Jitsi), video.ResolveFor("b", Jitsi));
        Assert.Equal("https://zoom.example/j/1", video.ResolveFor("a", Jitsi).Url!.AbsoluteUri);
    }

    [Fact]
    public void LocationOptions_Validate_RefusesNonHttpsBase()
    {
        Assert.Empty(new LocationOptions().Validate());
        Assert.NotEmpty(new LocationOptions { GeneratedVideoBaseUrl = "http://meet.example" }.Validate());
        Assert.NotEmpty(new LocationOptions { GeneratedVideoBaseUrl = "nonsense" }.Validate());
    }
}
