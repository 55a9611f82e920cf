using MimeKit;

namespace Schedly.Email.Tests;

public sealed class PickupFolderEmailSenderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schedly-mail-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private PickupFolderEmailSender CreateSut() => new(_folder);

    [Fact]
    public async Task SendAsync_SameMessageTwice_WritesOneFile()
    {
        var sut = CreateSut();
        var message = Notices.Message();

        await sut.SendAsync(message, CancellationToken.None);
        var firstWrite = File.GetLastWriteTimeUtc(sut.PathFor(message.MessageId));
        await sut.SendAsync(message with { Subject = "changed" }, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(Path.Combine(_folder, "bk_01J9Z.created.client.0.eml"), file);
        Assert.Equal(firstWrite, File.GetLastWriteTimeUtc(file));
        Assert.Equal(message.Subject, MimeMessage.Load(file).Subject);
        Assert.Contains("\r\nSubject: ", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConcurrentDuplicates_LeaveOneCompleteFileAndNoTemporaries()
    {
        var sut = CreateSut();
        var message = Notices.Message();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => sut.SendAsync(message, CancellationToken.None))));

        var file = Assert.Single(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
        var parsed = MimeMessage.Load(file);
        Assert.Equal("bk_01J9Z.created.client.0@schedly", parsed.MessageId);
        Assert.Equal(message.TextBody.ReplaceLineEndings(), (parsed.TextBody ?? "").ReplaceLineEndings());
    }

    [Fact]
    public async Task SendAsync_DifferentMessages_WriteOneFileEach()
    {
        var sut = CreateSut();

        await sut.SendAsync(Notices.Message("a.created.client.0"), CancellationToken.None);
        await sut.SendAsync(Notices.Message("a.created.host.0"), CancellationToken.None);

        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b\\c:d*e")]
    public void PathFor_UnsafeMessageId_StaysInsideFolder(string messageId)
    {
        var sut = CreateSut();

        var path = sut.PathFor(messageId);

        Assert.Equal(sut.Folder, Path.GetDirectoryName(path));
        Assert.EndsWith(".eml", path, StringComparison.Ordinal);
    }

    [Fact]
    public void FileStem_IdsDifferingOnlyInReplacedCharacters_Differ()
    {
        Assert.NotEqual(MessageIds.FileStem("a/b"), MessageIds.FileStem("a_b"));
        Assert.Equal("a_b", MessageIds.FileStem("a_b"));
    }
}
