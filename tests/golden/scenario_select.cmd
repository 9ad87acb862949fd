run select
