// The Spinnaker generator (snapshot + lookups → pipeline JSON) and the Gate client live in this project.
