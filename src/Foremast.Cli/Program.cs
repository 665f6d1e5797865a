using Foremast.Cli;

return ForemastApp.Create(args).Run(args);
