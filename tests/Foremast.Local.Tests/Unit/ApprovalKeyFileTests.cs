using Foremast.Local.Http;

namespace Foremast.Local.Tests.Unit;

public sealed class ApprovalKeyFileTests
{
    [Fact]
    public void A_generated_key_is_kept_so_links_survive_an_engine_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "foremast-local-tests", Guid.NewGuid().ToString("N"), "approval.key");

        var first = ApprovalKeyFile.ReadOrCreate(path);
        var second = ApprovalKeyFile.ReadOrCreate(path);

        Assert.True(first.Length >= 32, "ApprovalToken needs at least 32 characters");
        Assert.Equal(first, second);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Each_key_file_gets_its_own_random_key()
    {
        var root = Path.Combine(Path.GetTempPath(), "foremast-local-tests", Guid.NewGuid().ToString("N"));
        Assert.NotEqual(ApprovalKeyFile.ReadOrCreate(Path.Combine(root, "a.key")), ApprovalKeyFile.ReadOrCreate(Path.Combine(root, "b.key")));
    }
}
