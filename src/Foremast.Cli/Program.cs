using Foremast.Cli;

return ForemastApp.Create().Run(args);
